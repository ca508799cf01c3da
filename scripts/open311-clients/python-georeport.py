"""Drives Komek's Open311 server with the georeport Python client (JSON and XML).
usage: PYTHONPATH=<georeport repo> python3 python-georeport.py http://localhost:8109/open311/v2
The client is not vendored: fetch github.com/7673502/georeport (needs requests and xmltodict)."""
import sys
from georeport import GeoReport

root = sys.argv[1]
for fmt in ("json", "xml"):
    c = GeoReport(root, output_format=fmt)

    def check(name, fn):
        try:
            print(f"PASS {fmt} {name}: {fn()}")
        except Exception as e:  # noqa: BLE001 - report every failure and go on
            print(f"FAIL {fmt} {name}: {type(e).__name__}: {str(e)[:300]}")

    services = c.get_service_list()
    check("get_service_list", lambda: f"{len(services)} services, first {services[0]['service_code']}")
    code = services[0]["service_code"]
    check(f"get_service_definition {code}", lambda: f"{len(c.get_service_definition(code).get('attributes') or [])} attributes")
    reqs = c.get_service_requests()
    reqs = reqs if isinstance(reqs, list) else [reqs]
    check("get_service_requests", lambda: f"{len(reqs)} requests")
    rid = reqs[0]["service_request_id"]
    check(f"get_service_request {rid}", lambda: f"status={c.get_service_request(rid)['status']}")
    check("get_service_requests status=closed", lambda: f"{len(c.get_service_requests(status='closed'))} closed")
