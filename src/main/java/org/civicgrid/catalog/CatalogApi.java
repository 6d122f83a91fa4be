package org.civicgrid.catalog;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.catalog.CatalogViews.ClassDetail;
import org.civicgrid.catalog.CatalogViews.ClassForm;
import org.civicgrid.catalog.CatalogViews.ClassItem;
import org.civicgrid.catalog.CatalogViews.MajorGroup;
import org.civicgrid.catalog.CatalogViews.MappedClass;
import org.civicgrid.catalog.CatalogViews.StandardView;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 分类接口 — {@code /api/catalog/classes}: every staff member reads the classes, admins add local extensions.
 * The list is a tree for a class picker, one group per major:
 * {@code [{system, kind, majorCode, majorName, classes: [{ref, code, name, local, active}]}]}, ordered by system,
 * kind, major and code; store the {@code ref}.
 */
@Path("/api/catalog/classes")
@Authenticated
public class CatalogApi {

    private final LocalClasses localClasses;

    CatalogApi(LocalClasses localClasses) {
        this.localClasses = localClasses;
    }

    /**
     * Classes grouped by major. {@code system} = legacy|gbt47678, {@code kind} = component|incident, {@code q} = part of
     * the name, start of the code or a whole reference; deactivated classes only with {@code includeInactive=true}.
     */
    @GET
    public List<MajorGroup> list(@RestQuery String system, @RestQuery String kind, @RestQuery String q, @RestQuery boolean includeInactive) {
        ClassSystem chosenSystem = system == null || system.isBlank() ? null : ClassSystem.parse("system", system);
        ClassKind chosenKind = kind == null || kind.isBlank() ? null : ClassKind.parse("kind", kind);
        return CatalogViews.byMajor(CaseClass.search(chosenSystem, chosenKind, q, includeInactive));
    }

    /** One class with its filing standards (active or not) and its mapping to or from the other code system. */
    @GET
    @Path("{ref}")
    public ClassDetail get(@PathParam("ref") String ref) {
        CaseClass c = CaseClass.byRef(ref).orElseThrow(() -> Problem.notFound("class " + ref));
        List<StandardView> standards = FilingStandard.allOfClass(c.ref).stream().map(StandardView::of).toList();
        List<MappedClass> mapsTo = ClassMapping.fromLegacy(c.ref).stream().map(m -> mapped(m.gbRef, m.match)).toList();
        List<MappedClass> mappedFrom = ClassMapping.toGb(c.ref).stream().map(m -> mapped(m.legacyRef, m.match)).toList();
        return new ClassDetail(c.ref, c.system, c.kind, c.code, c.majorCode, c.majorName, c.minorCode, c.name, c.local, c.active,
                standards, mapsTo, mappedFrom);
    }

    /** Adds a local extension class; its minor code is allocated downward from 99 / 999 within the major. */
    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response add(ClassForm form) {
        CaseClass added = localClasses.add(form);
        return Response.created(URI.create("/api/catalog/classes/" + added.ref)).entity(ClassItem.of(added)).build();
    }

    private static MappedClass mapped(String ref, String match) {
        return new MappedClass(ref, CaseClass.byRef(ref).map(c -> c.name).orElse(null), match);
    }
}
