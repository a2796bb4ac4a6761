package ru.frmr.kit.axon;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.axonframework.serialization.Revision;

/**
 * A fingerprint of the shape of a class's state: the names and declared types of its instance fields (not
 * static, not transient), and the same, recursively, of every application type those fields can hold (type
 * arguments, sealed and {@code @JsonSubTypes} subtypes, enum constants). JDK types are leaves.
 *
 * <p>Used as the revision of aggregate snapshots: adding, removing, renaming or retyping any field of an
 * aggregate, or of a record it keeps, changes the fingerprint, so snapshots taken before the change are
 * ignored and the aggregate is sourced from its events instead. Nobody has to remember to bump a
 * {@code @Revision} when adding a field.
 */
final class StateShape {

    private static final Map<Class<?>, String> CACHE = new ConcurrentHashMap<>();

    private StateShape() {
    }

    static String of(Class<?> root) {
        return CACHE.computeIfAbsent(root, StateShape::compute);
    }

    private static String compute(Class<?> root) {
        return sha256(description(root)).substring(0, 16);
    }

    /** What the fingerprint is taken of: one line per type of the state, sorted. */
    static String description(Class<?> root) {
        Map<String, String> descriptions = new TreeMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            if (isLeaf(type) || descriptions.containsKey(type.getName())) {
                continue;
            }
            descriptions.put(type.getName(), describe(type, todo));
        }
        Revision revision = root.getAnnotation(Revision.class);
        StringBuilder text = new StringBuilder(revision == null ? "" : "@Revision(" + revision.value() + ")\n");
        descriptions.values().forEach(d -> text.append(d).append('\n'));
        return text.toString();
    }

    private static String describe(Class<?> type, Deque<Class<?>> todo) {
        if (type.isEnum()) {
            return type.getName() + " enum " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList();
        }
        Set<String> fields = new TreeSet<>();
        for (Class<?> c = type; c != null && !isLeaf(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                fields.add(field.getName() + ":" + field.getGenericType().getTypeName());
                enqueue(field.getGenericType(), todo);
            }
        }
        if (type.isSealed()) {
            Arrays.stream(type.getPermittedSubclasses()).sorted(Comparator.comparing(Class::getName))
                    .forEach(todo::add);
        }
        JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
        if (subTypes != null) {
            Arrays.stream(subTypes.value()).forEach(sub -> todo.add(sub.value()));
        }
        return type.getName() + " " + fields;
    }

    private static void enqueue(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            todo.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            enqueue(p.getRawType(), todo);
            Arrays.stream(p.getActualTypeArguments()).forEach(arg -> enqueue(arg, todo));
        } else if (type instanceof GenericArrayType a) {
            enqueue(a.getGenericComponentType(), todo);
        } else if (type instanceof WildcardType w) {
            Arrays.stream(w.getUpperBounds()).forEach(bound -> enqueue(bound, todo));
        }
    }

    private static boolean isLeaf(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive() || name.startsWith("java.") || name.startsWith("javax.");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
