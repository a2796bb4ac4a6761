// Run once by the mongo-init service (mongosh, as root, against mongo-1): forms the replica set rs0 of the three
// nodes, waits for a primary, and creates the services' user with access to the services' databases only.
// Idempotent: a second run finds the set and the user and changes nothing.
db.getSiblingDB('admin').auth('root', process.env.MONGO_ROOT_PASSWORD);
const members = [
  { _id: 0, host: 'mongo-1:27017' },
  { _id: 1, host: 'mongo-2:27017' },
  { _id: 2, host: 'mongo-3:27017' },
];
try {
  rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') throw e;
  rs.initiate({ _id: 'rs0', members });
}
let waited = 0;
while (!db.hello().isWritablePrimary) {
  if (waited++ > 120) throw new Error('no primary after 120 s');
  sleep(1000);
}
const databases = ['registry_service', 'employer_service', 'documents_service', 'notification_service',
  'auth_service', 'audit_service', 'portal'];
const admin = db.getSiblingDB('admin');
const roles = databases.map(name => ({ role: 'readWrite', db: name }));
if (admin.getUser('frmr') === null) {
  admin.createUser({ user: 'frmr', pwd: process.env.MONGO_APP_PASSWORD, roles });
} else {
  admin.updateUser('frmr', { pwd: process.env.MONGO_APP_PASSWORD, roles });
}
print('replica set rs0 ready; user frmr on ' + databases.join(', '));
