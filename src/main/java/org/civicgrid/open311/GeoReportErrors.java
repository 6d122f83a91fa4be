package org.civicgrid.open311;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 错误响应 (Open311) — a {@link GeoReportError} as the spec writes errors, in the format the client asked for. */
public class GeoReportErrors {

    private final GeoReportWriter writer;

    GeoReportErrors(GeoReportWriter writer) {
        this.writer = writer;
    }

    @ServerExceptionMapper
    public Response error(GeoReportError error) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("code", error.status());
        one.put("description", error.getMessage());
        return Response.status(error.status()).type(error.format().mediaType())
                .entity(writer.list(error.format(), "errors", "error", List.of(one))).build();
    }
}
