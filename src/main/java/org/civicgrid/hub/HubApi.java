package org.civicgrid.hub;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;

/**
 * 汇聚管理接口 — the hub's staff API: register sites, issue their tokens and bind their client certificates (admins),
 * sites with last contact and backlog, cases across sites, and 上级交办 (admins and leaders).
 */
@Path("/api/hub")
@Produces(MediaType.APPLICATION_JSON)
public class HubApi {

    private final HubTokens tokens;
    private final HubAssignments assignments;
    private final CurrentUser user;
    private final SiteCertificates certificates;

    HubApi(HubTokens tokens, HubAssignments assignments, CurrentUser user, SiteCertificates certificates) {
        this.certificates = certificates;
        this.tokens = tokens;
        this.assignments = assignments;
        this.user = user;
    }

    /** Body of {@code POST /api/hub/sites}. */
    public record NewSite(String siteId, String name) {
    }

    /** The token is in this answer only: give it to the site's admin (edge: {@code PUT /api/sync/hub}). */
    public record IssuedToken(String siteId, String token) {
    }

    /** {@code certSha256}: the client certificate the site must present on a hub with mutual TLS (null: none registered). */
    public record SiteView(String siteId, String name, long ackedSeq, long backlog, long eventsReceived, Instant lastContactAt, long cases,
            String certSha256) {
    }

    /** Body of {@code PUT /api/hub/sites/{siteId}/certificate}: the certificate as PEM, or its SHA-256 fingerprint. */
    public record SiteCertificate(String certificate) {
    }

    /** Answer: the site and the SHA-256 of its certificate now. */
    public record BoundCertificate(String siteId, String certSha256) {
    }

    public record CaseView(String siteId, long edgeCaseId, String caseNumber, String source, String classCode, String description,
            String address, Double lat, Double lon, String stage, Instant createdAt, Instant closedAt, Long assignmentId, Instant updatedAt) {

        /** The stage as this build knows it (pages name it in the user's language). */
        public org.civicgrid.cases.CaseStage stageValue() {
            return org.civicgrid.cases.CaseStage.valueOf(stage);
        }

        public org.civicgrid.cases.CaseSource sourceValue() {
            return org.civicgrid.cases.CaseSource.valueOf(source);
        }
    }

    public record CaseDetail(CaseView state, List<HubCaseHistory> history, List<HubAttachment> attachments) {
    }

    @POST
    @Path("sites")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    public Response register(NewSite site) {
        if (site == null) {
            throw Problem.badRequest("siteId", "send {siteId, name}");
        }
        return Response.status(201).entity(new IssuedToken(site.siteId(), tokens.issue(site.siteId(), site.name()))).build();
    }

    /**
     * Binds the site to its client certificate (mutual TLS, docs/sync-protocol.md): from now on its calls must present
     * it. Another site's certificate is refused (409).
     */
    @PUT
    @Path("sites/{siteId}/certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    public BoundCertificate bindCertificate(@PathParam("siteId") String siteId, SiteCertificate body) {
        if (body == null || body.certificate() == null || body.certificate().isBlank()) {
            throw Problem.badRequest("certificate", "send {certificate: PEM or SHA-256}; DELETE removes the binding");
        }
        return new BoundCertificate(siteId, certificates.register(siteId, body.certificate()));
    }

    /** The site no longer needs a client certificate (unless the hub requires one of every site). */
    @DELETE
    @Path("sites/{siteId}/certificate")
    @RolesAllowed(Role.Names.ADMIN)
    public Response unbindCertificate(@PathParam("siteId") String siteId) {
        certificates.register(siteId, null);
        return Response.noContent().build();
    }

    @GET
    @Path("sites")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
    public List<SiteView> sites() {
        Map<String, Long> counts = HubCase.getEntityManager()
                .createQuery("select c.siteId, count(c) from HubCase c group by c.siteId", Object[].class).getResultList().stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
        return HubSite.<HubSite>listAll(io.quarkus.panache.common.Sort.by("siteId")).stream()
                .map(s -> new SiteView(s.siteId, s.name, s.ackedSeq, s.backlog, s.eventsReceived, s.lastContactAt, counts.getOrDefault(s.siteId, 0L),
                        s.certSha256))
                .toList();
    }

    @GET
    @Path("cases")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
    public List<CaseView> cases(@QueryParam("site") String site, @QueryParam("open") Boolean open, @QueryParam("limit") Integer limit) {
        int max = limit == null ? 200 : Math.max(1, Math.min(limit, 2000));
        String query = "(?1 is null or siteId = ?1)" + (Boolean.TRUE.equals(open) ? " and closedAt is null" : "") + " order by updatedAt desc, id desc";
        return HubCase.<HubCase>find(query, site).page(0, max).list().stream().map(HubApi::view).toList();
    }

    @GET
    @Path("cases/{site}/{caseId}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
    public CaseDetail detail(@PathParam("site") String site, @PathParam("caseId") long caseId) {
        HubCase c = HubCase.<HubCase>find("siteId = ?1 and edgeCaseId = ?2", site, caseId).firstResultOptional()
                .orElseThrow(() -> Problem.notFound("case " + caseId + " of site " + site));
        return new CaseDetail(view(c), HubCaseHistory.list("siteId = ?1 and edgeCaseId = ?2 order by seq", site, caseId),
                HubAttachment.list("siteId = ?1 and edgeCaseId = ?2 order by id", site, caseId));
    }

    @POST
    @Path("assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
    public Response assign(HubAssignments.NewAssignment in) {
        return Response.status(201).entity(assignments.assign(in, user.displayName())).build();
    }

    @GET
    @Path("assignments")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
    public List<HubAssignment> assignments(@QueryParam("site") String site) {
        return HubAssignment.list("(?1 is null or siteId = ?1) order by id desc", site);
    }

    static CaseView view(HubCase c) {
        return new CaseView(c.siteId, c.edgeCaseId, c.caseNumber, c.source, c.classCode, c.description, c.address, c.lat, c.lon, c.stage,
                c.createdAt, c.closedAt, c.assignmentId, c.updatedAt);
    }
}
