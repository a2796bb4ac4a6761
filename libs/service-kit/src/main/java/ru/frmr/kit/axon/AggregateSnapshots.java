package ru.frmr.kit.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.util.ClassUtils;

/**
 * Snapshots of long aggregate streams, stored by axon-mongo in its snapshot collection. An aggregate opts in
 * with {@code @Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)}: after every
 * {@code frmr.axon.snapshots.threshold} events sourced or applied, the kit's trigger stores the aggregate's state,
 * and the next load starts from it and reads only the later events.
 *
 * <p>How state is written: an aggregate keeps its state in private fields without getters, so snapshots are
 * serialised by fields (every non-static, non-transient field, whatever its visibility; getters and setters are
 * ignored) with the service's Jackson configuration, polymorphic types included. A field added later needs no
 * annotation.
 *
 * <p>When state changes shape: the snapshot's revision is the {@link StateShape} fingerprint of the aggregate
 * class, and a snapshot whose fingerprint is not the current class's is ignored, so the aggregate is sourced from
 * the full stream (and snapshotted again at the next trigger). A snapshot that cannot be read for any other reason
 * is skipped the same way by Axon. A snapshot is therefore only ever a shortcut, never the truth.
 */
public final class AggregateSnapshots {

    /** Bean name of the event-count trigger, for {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    public static final String TRIGGER = "frmrSnapshotTrigger";

    private AggregateSnapshots() {
    }

    /** The snapshot serializer: the service's Jackson mapper, by fields, revision = shape of the state. */
    public static Serializer serializer(Serializer general) {
        ObjectMapper base = general instanceof JacksonSerializer jackson
                ? jackson.getObjectMapper() : new ObjectMapper().findAndRegisterModules();
        ObjectMapper byFields = base.copy()
                .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.SETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        JacksonSerializer.Builder builder = JacksonSerializer.builder()
                .objectMapper(byFields)
                .revisionResolver(StateShape::of);
        if (general instanceof JacksonSerializer jackson) {
            builder.converter(jackson.getConverter());
        }
        return builder.build();
    }

    /** Lets through only snapshots written with the current shape of their aggregate class. */
    public static SnapshotFilter currentShapeOnly() {
        return new CurrentShapeFilter();
    }

    private static final class CurrentShapeFilter implements SnapshotFilter {

        private final Map<String, String> currentShapes = new ConcurrentHashMap<>();

        @Override
        public boolean test(DomainEventData<?> snapshot) {
            SerializedType type = snapshot.getPayload().getType();
            String current = currentShapes.computeIfAbsent(type.getName(), CurrentShapeFilter::shapeOf);
            return !current.isEmpty() && current.equals(type.getRevision());
        }

        private static String shapeOf(String className) {
            try {
                return StateShape.of(ClassUtils.forName(className, ClassUtils.getDefaultClassLoader()));
            } catch (ClassNotFoundException | LinkageError gone) {
                return ""; // the aggregate class no longer exists: no snapshot of it can be used
            }
        }
    }
}
