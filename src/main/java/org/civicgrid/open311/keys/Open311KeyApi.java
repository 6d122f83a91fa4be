package org.civicgrid.open311.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/**
 * Open311 密钥接口 — {@code /api/open311-keys} (admins): list keys (never the key itself), issue one
 * ({@code {name}} → 201 with {@code key}, shown this once), revoke one ({@code DELETE /{id}}).
 */
@Path("/api/open311-keys")
@RolesAllowed(Role.Names.ADMIN)
public class Open311KeyApi {

    /** A key as listed: {@code key} is set only in the answer that created it. */
    public record KeyView(Long id, String name, String prefix, boolean demo, boolean active, Instant createdAt, String createdBy,
            Instant revokedAt, Instant lastUsedAt, String key) {

        static KeyView of(Open311Key k, String secret) {
            return new KeyView(k.id, k.name, k.keyPrefix, k.demo, k.active(), k.createdAt, k.createdBy, k.revokedAt, k.lastUsedAt, secret);
        }
    }

    /** What to issue a key for. */
    public record NewKey(String name) {
    }

    private final Open311Keys keys;
    private final CurrentUser user;

    Open311KeyApi(Open311Keys keys, CurrentUser user) {
        this.keys = keys;
        this.user = user;
    }

    @GET
    public List<KeyView> list() {
        return Open311Key.allOrdered().stream().map(k -> KeyView.of(k, null)).toList();
    }

    @POST
    public Response issue(NewKey body) {
        Open311Keys.Issued issued = keys.issue(body == null ? null : body.name(), user.username());
        return Response.created(URI.create("/api/open311-keys/" + issued.key().id)).entity(KeyView.of(issued.key(), issued.secret())).build();
    }

    @DELETE
    @Path("{id}")
    public KeyView revoke(@PathParam("id") long id) {
        return KeyView.of(keys.revoke(id), null);
    }
}
