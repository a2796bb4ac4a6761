#!/bin/bash
# Creates the platform's topics on the three-broker cluster before any service starts: each replicated three times
# and written only when two replicas have it (min.insync.replicas=2 with the producers' acks=all), so one broker may
# fail without losing an acknowledged event or stopping the relay. The services declare the same topics at start
# (libs/service-kit KafkaTopicsAutoConfiguration, replication factor FRMR_KAFKA_REPLICATION_FACTOR) and find them
# here. DeploymentFilesTest checks that this list is the platform's (libs/contracts Topics, with dead-letter topics).
set -euo pipefail

BOOTSTRAP=${BOOTSTRAP:-kafka-1:9092,kafka-2:9092,kafka-3:9092}
PARTITIONS=${PARTITIONS:-6}
# frmr.auth.events (and its dead-letter topic) carries personal data in plain text: kept 14 days, not for ever.
PERSONAL_DATA_RETENTION_MS=1209600000

create() {
  local topic=$1 partitions=$2
  shift 2
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor 3 --config min.insync.replicas=2 "$@"
}

create frmr.auth.events "$PARTITIONS" --config retention.ms=$PERSONAL_DATA_RETENTION_MS
create frmr.auth.events.dlt "$PARTITIONS" --config retention.ms=$PERSONAL_DATA_RETENTION_MS
for topic in frmr.registry.events frmr.employer.events frmr.documents.events frmr.notification.events \
             frmr.public.events frmr.access.events frmr.audit.alerts; do
  create "$topic" "$PARTITIONS"
  create "$topic.dlt" "$PARTITIONS"
done
# The audit log's signed checkpoints: one partition, so subscribers read them in order.
create frmr.audit.checkpoints 1

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --describe --topics-with-overrides
