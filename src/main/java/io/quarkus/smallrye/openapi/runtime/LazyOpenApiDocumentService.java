package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI 文档按需准备 (civicgrid, issue 20) — the OpenAPI document is generated at build time
 * ({@code META-INF/quarkus-generated-openapi-doc.JSON}), but the extension reads it back through a YAML parser, runs
 * its filters and writes it out as JSON and YAML on every start (a fifth of the main thread's start-up). This
 * alternative of the extension's bean notes what to prepare at start and does it on the first request for
 * {@code /q/openapi} instead (an admin-only endpoint). It lives in the extension's package because the method it
 * defers is package-private there.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class LazyOpenApiDocumentService extends OpenApiDocumentService {

    private record Preparation(AutoSecurityFilter autoSecurityFilter, Map<OpenApiFilter.RunStage, List<String>> filters,
            String documentName) {
    }

    private final List<Preparation> pending = new ArrayList<>();

    @Override
    synchronized void prepareDocument(AutoSecurityFilter autoSecurityFilter, Map<OpenApiFilter.RunStage, List<String>> filters,
            String documentName) {
        pending.add(new Preparation(autoSecurityFilter, filters, documentName));
    }

    @Override
    public synchronized byte[] getDocument(String documentName, Format format) {
        if (!pending.isEmpty()) {
            for (Preparation p : pending) {
                super.prepareDocument(p.autoSecurityFilter(), p.filters(), p.documentName());
            }
            pending.clear();
        }
        return super.getDocument(documentName, format);
    }
}
