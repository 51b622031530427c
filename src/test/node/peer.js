// An independent DICOM SCU (dcmjs-dimse) for Lantir's interoperability tests.
//
// Usage: node peer.js '<json>'   where json is
//   {"op": "echo" | "find" | "ncreate" | "nset", "host": "127.0.0.1", "port": 11112,
//    "callingAe": "SCU", "calledAe": "MWL_SERVER", "sopInstanceUid": "...",
//    "dataset": { naturalized dcmjs attributes }}
// Prints one JSON line per response received:
//   {"status": 0, "sopInstanceUid": "...", "errorComment": "...",
//    "attributeIdentifierList": [...], "dataset": {...}}
// and exits 0 when the association ended normally, 2 on a network error, 3 when the
// association was rejected.
'use strict';

const dimse = require('dcmjs-dimse');

const { Client, Dataset } = dimse;
const { CEchoRequest, CFindRequest, NCreateRequest, NSetRequest } = dimse.requests;

// dcmjs-dimse logs through loglevel to the console, i.e. to stdout, where it would mix with
// the JSON lines: send every log line to stderr instead.
dimse.log.methodFactory = () => (...args) => process.stderr.write(args.join(' ') + '\n');
dimse.log.setLevel('info');
dimse.log.rebuild();

const MWL_FIND = '1.2.840.10008.5.1.4.31';
const MPPS = '1.2.840.10008.3.1.2.3.3';

function buildRequest(spec) {
  switch (spec.op) {
    case 'echo':
      return new CEchoRequest();
    case 'find': {
      const request = new CFindRequest();
      request.setAffectedSopClassUid(MWL_FIND);
      request.setDataset(new Dataset(spec.dataset || {}));
      return request;
    }
    case 'ncreate': {
      const request = new NCreateRequest(MPPS, spec.sopInstanceUid || '');
      request.setDataset(new Dataset(spec.dataset || {}));
      return request;
    }
    case 'nset': {
      const request = new NSetRequest(MPPS, spec.sopInstanceUid);
      request.setDataset(new Dataset(spec.dataset || {}));
      return request;
    }
    default:
      throw new Error('unknown op ' + spec.op);
  }
}

function report(response) {
  const line = { status: response.getStatus() };
  const command = response.getCommandDataset();
  const uid = command && command.getElement('AffectedSOPInstanceUID');
  if (uid) {
    line.sopInstanceUid = uid;
  }
  const comment = response.getErrorComment && response.getErrorComment();
  if (comment) {
    line.errorComment = comment;
  }
  const attributes = command && command.getElement('AttributeIdentifierList');
  if (attributes) {
    line.attributeIdentifierList = attributes;
  }
  if (response.hasDataset && response.hasDataset()) {
    line.dataset = response.getDataset().getElements();
  }
  process.stdout.write(JSON.stringify(line) + '\n');
}

function main() {
  const spec = JSON.parse(process.argv[2]);
  const client = new Client();
  const request = buildRequest(spec);
  request.on('response', report);
  client.addRequest(request);
  client.on('networkError', (e) => {
    process.stderr.write('network error: ' + e + '\n');
    process.exitCode = 2;
  });
  client.on('associationRejected', (result) => {
    process.stderr.write('association rejected: ' + JSON.stringify(result) + '\n');
    process.exitCode = 3;
  });
  client.send(spec.host, spec.port, spec.callingAe, spec.calledAe, {
    connectTimeout: 10000,
    associationTimeout: 10000,
    pduTimeout: 20000,
  });
}

main();
