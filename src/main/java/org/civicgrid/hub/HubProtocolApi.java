package org.civicgrid.hub;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * 汇聚协议 — {@code /api/hub/v1} (docs/sync-protocol.md): edges send event batches, upload attachments by SHA-256
 * and pull 上级交办. Not a staff API: each call carries its site's bearer token (no session, no Basic), checked here,
 * and on a hub with mutual TLS the site's client certificate ({@link SiteCertificates}).
 */
@Path("/api/hub/v1")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class HubProtocolApi {

    private final HubTokens tokens;
    private final HubIngest ingest;
    private final HubBlobs blobs;
    private final HubAssignments assignments;
    private final SiteCertificates certificates;

    HubProtocolApi(HubTokens tokens, HubIngest ingest, HubBlobs blobs, HubAssignments assignments, SiteCertificates certificates) {
        this.certificates = certificates;
        this.tokens = tokens;
        this.ingest = ingest;
        this.blobs = blobs;
        this.assignments = assignments;
    }

    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<SyncProtocol.Ack> events(@HeaderParam("Authorization") String authorization, @Context HttpServerRequest request,
            SyncProtocol.Batch batch) {
        // RFC 7694: this hub takes gzip-compressed batches (quarkus.http.enable-decompression); an edge compresses once told so
        return RestResponse.ResponseBuilder.ok(ingest.ingest(site(authorization, request), batch)).header("Accept-Encoding", "gzip").build();
    }

    @PUT
    @Path("blobs/{sha256}")
    @Consumes(MediaType.WILDCARD)
    public Response blob(@HeaderParam("Authorization") String authorization, @Context HttpServerRequest request,
            @PathParam("sha256") String sha256, InputStream body) {
        boolean created = blobs.receive(site(authorization, request), sha256, body);
        return Response.status(created ? 201 : 200).entity(new BlobReceipt(sha256, created)).build();
    }

    @GET
    @Path("assignments")
    public List<SyncProtocol.Assignment> assignments(@HeaderParam("Authorization") String authorization, @Context HttpServerRequest request,
            @QueryParam("after") Long after) {
        return assignments.forSite(site(authorization, request), after == null ? 0 : after);
    }

    /** Answer to a blob upload: stored now (201) or already held (200). */
    public record BlobReceipt(String sha256, boolean created) {
    }

    /** The calling site: by its token, and — when it has one registered — by its client certificate (mutual TLS). */
    private String site(String authorization, HttpServerRequest request) {
        HubSite site = tokens.site(authorization)
                .orElseThrow(() -> new Problem(401, "unauthorized", null, "a site token issued by this hub is required (Authorization: Bearer …)"));
        certificates.check(site, SiteCertificates.presented(request));
        return site.siteId;
    }
}
