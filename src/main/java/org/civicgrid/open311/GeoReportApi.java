package org.civicgrid.open311;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.catalog.CaseClass;
import org.civicgrid.open311.keys.Open311Key;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Open311 GeoReport v2 — {@code /open311/v2/}: {@code discovery}, {@code services}, {@code services/{code}},
 * {@code requests} (GET with filters, POST form-encoded with an API key), {@code requests/{id}}, {@code tokens/{token}},
 * each {@code .xml} or {@code .json}. Public: no sign-in, nothing but these paths, no personal data in answers; POST
 * needs an active API key and is rate-limited per key. A {@code Content-Type} on a GET is ignored.
 */
@Path("/open311/v2")
@PermitAll
@Blocking
public class GeoReportApi {

    static final String SPEC = "http://wiki.open311.org/GeoReport_v2";

    private final GeoReportWriter writer;
    private final GeoReportServices services;
    private final GeoReportRequests requests;
    private final GeoReportIntake intake;
    private final GeoReportGate gate;
    private final Open311Config config;

    GeoReportApi(GeoReportWriter writer, GeoReportServices services, GeoReportRequests requests, GeoReportIntake intake,
            GeoReportGate gate, Open311Config config) {
        this.writer = writer;
        this.services = services;
        this.requests = requests;
        this.intake = intake;
        this.gate = gate;
        this.config = config;
    }

    /** {@code discovery}, {@code services} and {@code requests} lists. */
    @GET
    @Path("{file}")
    @Transactional
    public Response top(@PathParam("file") String file, @RestQuery("service_request_id") String ids,
            @RestQuery("service_code") String serviceCode, @RestQuery("start_date") String start, @RestQuery("end_date") String end,
            @RestQuery String status, UriInfo uri) {
        GeoReportFormat.Named named = open(file);
        GeoReportFormat format = named.format();
        return switch (named.name()) {
            case "discovery" -> answer(format, writer.object(format, "discovery", discovery(uri)));
            case "services" -> answer(format, writer.list(format, "services", "service",
                    services.all().stream().map(services::service).toList()));
            case "requests" -> answer(format, writer.list(format, "service_requests", "request",
                    requests.views(requests.find(filter(format, ids, serviceCode, start, end, status)))));
            default -> throw new GeoReportError(404, format, "no resource '" + named.name() + "'");
        };
    }

    @GET
    @Path("services/{file}")
    @Transactional
    public Response service(@PathParam("file") String file) {
        GeoReportFormat.Named named = open(file);
        CaseClass service = services.find(named.name())
                .orElseThrow(() -> new GeoReportError(404, named.format(), "service_code '" + named.name() + "' is not a service here"));
        return answer(named.format(), writer.object(named.format(), "service_definition", services.definition(service)));
    }

    @GET
    @Path("requests/{file}")
    @Transactional
    public Response request(@PathParam("file") String file) {
        GeoReportFormat.Named named = open(file);
        var found = requests.byNumber(named.name())
                .orElseThrow(() -> new GeoReportError(404, named.format(), "no service request '" + named.name() + "'"));
        return answer(named.format(), writer.list(named.format(), "service_requests", "request", requests.views(List.of(found))));
    }

    @GET
    @Path("tokens/{file}")
    @Transactional
    public Response token(@PathParam("file") String file) {
        GeoReportFormat.Named named = open(file);
        Open311Request r = Open311Request.byToken(named.name())
                .orElseThrow(() -> new GeoReportError(404, named.format(), "no token '" + named.name() + "'"));
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("service_request_id", requests.numberOf(r.caseId));
        one.put("token", r.token);
        return answer(named.format(), writer.list(named.format(), "service_requests", "request", List.of(one)));
    }

    /** POST requests: the body is read as a form whatever Content-Type it declares. */
    @POST
    @Path("{file}")
    @Consumes(MediaType.WILDCARD)
    public Response create(@PathParam("file") String file, byte[] body) {
        GeoReportFormat.Named named = open(file);
        GeoReportFormat format = named.format();
        if (!"requests".equals(named.name())) {
            throw new GeoReportError(404, format, "POST only to requests." + format.name().toLowerCase());
        }
        GeoReportForm form = GeoReportForm.parse(body);
        Open311Key key = gate.admit(form.get("api_key"), format);
        GeoReportIntake.Filed filed = intake.file(form, key.id, key.name, format);
        return Response.status(201).type(format.mediaType())
                .entity(writer.list(format, "service_requests", "request", List.of(GeoReportIntake.answer(filed)))).build();
    }

    private GeoReportFormat.Named open(String file) {
        GeoReportFormat.Named named = GeoReportFormat.split(file);
        if (!config.enabled()) {
            throw new GeoReportError(404, named.format(), "Open311 is switched off on this box");
        }
        return named;
    }

    private static Response answer(GeoReportFormat format, String body) {
        return Response.ok(body, format.mediaType()).build();
    }

    private Map<String, Object> discovery(UriInfo uri) {
        String url = config.baseUrl().orElse(uri.getBaseUriBuilder().path("open311/v2").build().toString());
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPEC);
        endpoint.put("url", url);
        endpoint.put("changeset", "2026-11-22T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of(GeoReportFormat.XML.type(), GeoReportFormat.JSON.type()));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", "2026-11-22T00:00:00+08:00");
        d.put("contact", config.contact());
        d.put("key_service", config.keyService());
        d.put("endpoints", List.of(endpoint));
        return d;
    }

    private static GeoReportRequests.Filter filter(GeoReportFormat format, String ids, String serviceCode, String start, String end,
            String status) {
        List<String> numbers = ids == null || ids.isBlank() ? null
                : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Set<String> statuses = null;
        if (status != null && !status.isBlank()) {
            statuses = Arrays.stream(status.split(",")).map(s -> s.trim().toLowerCase()).collect(Collectors.toSet());
            if (!Set.of("open", "closed").containsAll(statuses)) {
                throw new GeoReportError(400, format, "status must be open or closed");
            }
        }
        return new GeoReportRequests.Filter(numbers, serviceCode == null || serviceCode.isBlank() ? null : serviceCode.trim(),
                instant(format, "start_date", start), instant(format, "end_date", end), statuses);
    }

    private static Instant instant(GeoReportFormat format, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new GeoReportError(400, format, field + " '" + value + "' is not an ISO-8601 time with offset (2026-11-22T08:00:00+08:00)");
        }
    }
}
