package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Three-way merge of a record per field: the laptop's base (what it had before its change), the
 * laptop's new version, and the server's current version. A field only one side changed takes
 * that side's value; a field both sides changed to different values keeps the server's value and
 * is reported as a conflict with both values. Lists of objects with an {@code id} (the goals of a
 * plan, their steps) are merged per element, so two sides adding different goals both keep theirs.
 * Pure JSON: used by the server to merge and by the app to apply the coach's choice.
 */
public final class FieldMerge {

    /** A field both sides changed differently: its path and both values. */
    public record FieldConflict(String path, JsonNode serverValue, JsonNode laptopValue) {
    }

    /** The merged record and the fields in conflict (empty when the merge was clean). */
    public record Result(ObjectNode merged, List<FieldConflict> conflicts) {
    }

    private FieldMerge() {
    }

    /** Merges {@code laptop} (changed from {@code base}, which may be null) into {@code server}. */
    public static Result merge(JsonNode base, ObjectNode laptop, ObjectNode server) {
        List<FieldConflict> conflicts = new ArrayList<>();
        ObjectNode merged = mergeObjects("", base instanceof ObjectNode b ? b : null, laptop, server, conflicts);
        return new Result(merged, List.copyOf(conflicts));
    }

    private static ObjectNode mergeObjects(String prefix, ObjectNode base, ObjectNode laptop, ObjectNode server,
                                           List<FieldConflict> conflicts) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        Set<String> names = new LinkedHashSet<>();
        server.fieldNames().forEachRemaining(names::add);
        laptop.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode b = base == null ? null : value(base.get(name));
            JsonNode value = mergeValue(prefix + name, b, base == null, value(laptop.get(name)), value(server.get(name)),
                    conflicts);
            merged.set(name, value);
        }
        return merged;
    }

    private static JsonNode mergeValue(String path, JsonNode base, boolean noBase, JsonNode laptop, JsonNode server,
                                       List<FieldConflict> conflicts) {
        if (laptop.equals(server)) {
            return laptop;
        }
        if (!noBase && laptop.equals(base)) {
            return server; // only the server changed it
        }
        if (!noBase && server.equals(base)) {
            return laptop; // only the laptop changed it
        }
        if (laptop instanceof ObjectNode l && server instanceof ObjectNode s) {
            return mergeObjects(path + "/", base instanceof ObjectNode b ? b : null, l, s, conflicts);
        }
        if (isListWithIds(laptop) && isListWithIds(server) && (base == null || base.isNull() || isListWithIds(base))) {
            return mergeLists(path, base instanceof ArrayNode b ? b : null, (ArrayNode) laptop, (ArrayNode) server, conflicts);
        }
        conflicts.add(new FieldConflict(path, server, laptop));
        return server;
    }

    /** Lists of objects with ids: per element; additions on either side are kept, an untouched element deleted on one side goes. */
    private static ArrayNode mergeLists(String path, ArrayNode base, ArrayNode laptop, ArrayNode server,
                                        List<FieldConflict> conflicts) {
        Map<String, JsonNode> b = byId(base);
        Map<String, JsonNode> l = byId(laptop);
        Map<String, JsonNode> s = byId(server);
        Set<String> ids = new LinkedHashSet<>(s.keySet());
        ids.addAll(l.keySet());
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        for (String id : ids) {
            JsonNode inBase = b.get(id);
            JsonNode onLaptop = l.get(id);
            JsonNode onServer = s.get(id);
            if (onLaptop != null && onServer != null) {
                merged.add(mergeValue(path + "/" + id, inBase, inBase == null && base == null, onLaptop, onServer, conflicts));
            } else if (onLaptop != null) {
                // new on the laptop, or deleted on the server: keep it unless the laptop left it as it was
                if (inBase == null || !onLaptop.equals(inBase)) {
                    merged.add(onLaptop);
                }
            } else if (inBase == null || !onServer.equals(inBase)) {
                merged.add(onServer); // new on the server, or changed there while the laptop deleted it
            }
        }
        return merged;
    }

    private static boolean isListWithIds(JsonNode node) {
        if (!(node instanceof ArrayNode array)) {
            return false;
        }
        for (JsonNode element : array) {
            if (!element.isObject() || !element.path("id").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byId(ArrayNode array) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (array != null) {
            for (JsonNode element : array) {
                map.put(element.path("id").asText(), element);
            }
        }
        return map;
    }

    private static JsonNode value(JsonNode node) {
        return node == null || node.isMissingNode() ? NullNode.instance : node;
    }

    /**
     * Sets the field at {@code path} (as a conflict names it) in a copy of {@code record}: the coach's
     * choice applied to the record. Unknown paths leave the record as it is.
     */
    public static ObjectNode set(ObjectNode record, String path, JsonNode value) {
        ObjectNode copy = record.deepCopy();
        String[] parts = path.split("/");
        JsonNode node = copy;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = child(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        if (node instanceof ObjectNode object) {
            object.set(last, value == null ? NullNode.instance : value);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (last.equals(array.get(i).path("id").asText())) {
                    array.set(i, value);
                }
            }
        }
        return copy;
    }

    /** The value at {@code path}, or null when the record has no such field. */
    public static JsonNode get(JsonNode record, String path) {
        JsonNode node = record;
        for (String part : path.split("/")) {
            node = node == null ? null : child(node, part);
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String part) {
        if (node instanceof ObjectNode object) {
            return object.get(part);
        }
        if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                if (Objects.equals(part, element.path("id").asText())) {
                    return element;
                }
            }
        }
        return null;
    }
}
