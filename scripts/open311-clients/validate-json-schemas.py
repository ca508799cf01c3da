#!/usr/bin/env python3
"""Validates a live Komek Open311 server's JSON against the JSON Schemas of open311/schema-validation
(schema/georeport-v2/*.json; not vendored). Needs python3-jsonschema.
  git clone https://github.com/open311/schema-validation /tmp/sv
  python3 scripts/open311-clients/validate-json-schemas.py /tmp/sv/schema/georeport-v2 http://localhost:8190/open311/v2 roads.pothole
"""
import json, sys, urllib.request, pathlib
from jsonschema import Draft4Validator, RefResolver

schemas, base, service = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2], sys.argv[3]
get = lambda p: json.load(urllib.request.urlopen(f"{base}/{p}"))
reqs = get("requests.json")
checks = [("services.json", "services.json"), (f"services/{service}.json", "service-definition.json"), ("requests.json", "requests.json")]
if reqs:
    checks.append((f"requests/{reqs[0]['service_request_id']}.json", "requests.json"))
failed = 0
for path, schema_file in checks:
    schema = json.loads((schemas / schema_file).read_text())
    v = Draft4Validator(schema, resolver=RefResolver(schemas.as_uri() + "/", schema))
    errs = list(v.iter_errors(get(path)))
    failed += bool(errs)
    print(f"{path} against {schema_file}: {'PASS' if not errs else 'FAIL'}")
    for e in errs[:5]:
        print("   ", list(e.absolute_path), e.message[:200])
sys.exit(1 if failed else 0)
