#!/usr/bin/env node
/**
 * Runs the third-party Node client mheadd/node-open311 (2011, no dependencies; not vendored here)
 * against a live Komek server and prints what each call got back.
 *   git clone https://github.com/mheadd/node-open311 /tmp/nodeo311
 *   KOMEK=localhost:8190 API_KEY=… node scripts/open311-clients/run-node-open311.mjs /tmp/nodeo311
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dir = process.argv[2] || '/tmp/nodeo311';
const { Open311 } = require(path.resolve(dir, 'lib/open311.js'));
const [host, port] = (process.env.KOMEK || 'localhost:8190').split(':');
// A new client per call: the library appends every response to one responseBody buffer.
const client = () =>
  new Open311({
    endpoint: host,
    port: Number(port || 80),
    service_path: '/open311/v2/',
    jurisdiction_id: 'astana',
  });
const key = process.env.API_KEY || '';
const show = (name) => (err, data) =>
  new Promise((done) => {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    console.log(`${name}: ${err ? 'ERROR ' + err : 'ok'} ${String(text).slice(0, 300).replace(/\s+/g, ' ')}`);
    done();
  });
const call = (name, fn) => new Promise((done) => fn((e, d) => show(name)(e, d).then(done)));
(async () => {
  await call('serviceDiscovery json', (cb) => client().serviceDiscovery('json', cb));
  await call('getServiceList json', (cb) => client().getServiceList('json', cb));
  await call('getServiceList xml', (cb) => client().getServiceList('xml', cb));
  await call('getServiceDefinition roads.pothole json', (cb) =>
    client().getServiceDefinition('json', process.env.SERVICE || 'roads.pothole', cb),
  );
  await call('postSericeRequest json', (cb) =>
    client().postSericeRequest(
      'json',
      process.env.SERVICE || 'roads.pothole',
      key,
      { lat: '51.128', long: '71.43', description: 'Pothole (node-open311 client)' },
      cb,
    ),
  );
  await call('getServiceRequestList json', (cb) =>
    client().getServiceRequestList('json', { status: 'open' }, cb),
  );
  await call('getServiceRequest json', (cb) =>
    client().getServiceRequest('json', process.env.REQUEST || '1', cb),
  );
})();
