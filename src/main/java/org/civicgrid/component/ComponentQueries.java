package org.civicgrid.component;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicgrid.component.ComponentViews.Item;
import org.civicgrid.component.ComponentViews.ItemPage;

/**
 * 部件查询 — filtered, paged component lists. Near a point the candidates come from the in-memory
 * {@link ComponentIndex} (nearest first) and only the page's rows are read; otherwise one indexed query, by id.
 */
@ApplicationScoped
class ComponentQueries {

    /** The filters; null means "any". {@code classRef} is a full reference, {@code near} a WGS84 {lat, lon}. */
    record Filter(String gridCode, String classRef, ComponentState state, String q, double[] near, double radiusM) {
    }

    private final ComponentMap map;

    ComponentQueries(ComponentMap map) {
        this.map = map;
    }

    ItemPage list(Filter f, int page, int size) {
        ComponentIndex index = map.index();
        if (f.near() != null) {
            return near(index, f, page, size);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (f.gridCode() != null) {
            where.append(" and gridCode = :grid");
            parameters.and("grid", f.gridCode());
        }
        if (f.classRef() != null) {
            where.append(" and classRef = :classRef");
            parameters.and("classRef", f.classRef());
        }
        if (f.state() != null) {
            where.append(" and state = :state");
            parameters.and("state", f.state());
        }
        if (f.q() != null) {
            where.append(" and (name like :text or address like :text or id like :prefix)");
            parameters.and("text", "%" + f.q() + "%").and("prefix", f.q() + "%");
        }
        var query = CityComponent.<CityComponent>find(where.toString(), Sort.by("id"), parameters);
        List<Item> items = query.page(Page.of(page, size)).list().stream().map(c -> Item.of(c, index.className(c.classRef), null)).toList();
        return new ItemPage(items, query.count());
    }

    private static ItemPage near(ComponentIndex index, Filter f, int page, int size) {
        List<ComponentIndex.Hit> hits = index.within(f.near()[0], f.near()[1], f.radiusM()).stream().filter(hit -> matches(hit.entry(), f)).toList();
        int from = Math.min(page * size, hits.size());
        List<ComponentIndex.Hit> slice = hits.subList(from, Math.min(from + size, hits.size()));
        Map<String, CityComponent> rows = slice.isEmpty() ? Map.of()
                : CityComponent.<CityComponent>list("id in ?1", slice.stream().map(h -> h.entry().id()).toList()).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<Item> items = slice.stream().filter(h -> rows.containsKey(h.entry().id()))
                .map(h -> Item.of(rows.get(h.entry().id()), index.className(h.entry().classRef()), h.distanceM())).toList();
        return new ItemPage(items, hits.size());
    }

    private static boolean matches(ComponentIndex.Entry e, Filter f) {
        return (f.gridCode() == null || f.gridCode().equals(e.gridCode())) && (f.classRef() == null || f.classRef().equals(e.classRef()))
                && (f.state() == null || f.state() == e.state())
                && (f.q() == null || e.name().contains(f.q()) || e.id().startsWith(f.q()));
    }

    /** The name of a class reference, from the index's catalogue. */
    String className(String classRef) {
        return map.index().className(classRef);
    }
}
