package org.civicgrid.open311;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.catalog.CaseClass;
import org.civicgrid.catalog.FilingStandard;

/**
 * 服务目录 — the catalog's classes as GeoReport services: {@code service_code} is the class reference
 * ({@code component:0101}), the name is the class's public name, the group its major class; the 立案条件 of the class
 * are the one attribute {@value #CONDITION}, a single-value list keyed by the standard's id, so a client can say which
 * situation it reports. Which classes are services: {@link Open311Config#services()}, by default every active class
 * with an active 立案条件.
 */
@ApplicationScoped
class GeoReportServices {

    /** The attribute code of the filing condition. */
    static final String CONDITION = "CONDITION";

    private final Open311Config config;

    GeoReportServices(Open311Config config) {
        this.config = config;
    }

    /** The service classes in code order. */
    List<CaseClass> all() {
        Set<String> filed = FilingStandard.<FilingStandard>list("active = true").stream().map(s -> s.classRef).collect(Collectors.toSet());
        return CaseClass.<CaseClass>list("active = true order by system, kind, majorCode, code").stream()
                .filter(c -> offered(c, filed)).toList();
    }

    /** The active service with this code, if it is one. */
    Optional<CaseClass> find(String code) {
        return CaseClass.<CaseClass>findByIdOptional(code == null ? "" : code.trim())
                .filter(c -> c.active && offered(c, FilingStandard.forClass(c.ref).isEmpty() ? Set.of() : Set.of(c.ref)));
    }

    private boolean offered(CaseClass c, Set<String> filed) {
        return config.services().map(prefixes -> prefixes.stream().anyMatch(p -> c.ref.startsWith(p.trim()))).orElse(filed.contains(c.ref));
    }

    Map<String, Object> service(CaseClass c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", c.ref);
        s.put("service_name", c.name);
        s.put("description", c.majorName + " · " + c.name);
        s.put("metadata", true);
        s.put("type", "realtime");
        s.put("keywords", String.join(", ", c.majorName, c.name, c.code));
        s.put("group", c.majorName);
        return s;
    }

    Map<String, Object> definition(CaseClass c) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (FilingStandard standard : FilingStandard.forClass(c.ref)) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("key", String.valueOf(standard.id));
            value.put("name", standard.condition);
            values.add(value);
        }
        List<Map<String, Object>> attributes = new ArrayList<>();
        if (!values.isEmpty()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("variable", true);
            a.put("code", CONDITION);
            a.put("datatype", "singlevaluelist");
            a.put("required", false);
            a.put("datatype_description", "立案条件 — 选择最接近的情形 (the filing condition closest to what you see)");
            a.put("order", 1);
            a.put("description", "情形 (situation)");
            a.put("values", values);
            attributes.add(a);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", c.ref);
        d.put("attributes", attributes);
        return d;
    }

    /** The 立案条件 text of an attribute value, or empty when the value is not one of the class's. */
    Optional<String> condition(CaseClass c, String key) {
        return FilingStandard.forClass(c.ref).stream().filter(s -> String.valueOf(s.id).equals(key == null ? null : key.trim()))
                .map(s -> s.condition).findFirst();
    }
}
