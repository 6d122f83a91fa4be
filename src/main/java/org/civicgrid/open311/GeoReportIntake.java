package org.civicgrid.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseIntake;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.NewReport;
import org.civicgrid.catalog.CaseClass;
import org.civicgrid.grid.gazetteer.Candidate;
import org.civicgrid.grid.gazetteer.Gazetteer;
import org.civicgrid.org.Role;
import org.civicgrid.open311.keys.Open311Keys;
import org.civicgrid.web.Problem;

/**
 * 请求受理 — POST requests: checks the form in the spec's order of errors (service, location, attributes, media),
 * places {@code address_string} through the gazetteer when no {@code lat}/{@code long} came, files a PUBLIC report
 * through {@link CaseIntake} and keeps the original request with a token, in one transaction.
 */
@ApplicationScoped
class GeoReportIntake {

    private final CaseIntake intake;
    private final GeoReportServices services;
    private final Gazetteer gazetteer;
    private final Open311Keys keys;

    GeoReportIntake(CaseIntake intake, GeoReportServices services, Gazetteer gazetteer, Open311Keys keys) {
        this.intake = intake;
        this.services = services;
        this.gazetteer = gazetteer;
        this.keys = keys;
    }

    /** The filed case and its request record; a bad form is a 400 {@link GeoReportError}. */
    record Filed(CaseFile file, Open311Request request) {
    }

    @Transactional
    @SingleWriter
    Filed file(GeoReportForm form, long keyId, String keyName, GeoReportFormat format) {
        String code = form.get("service_code");
        CaseClass service = services.find(code)
                .orElseThrow(() -> new GeoReportError(400, format, code == null ? "service_code missing" : "service_code '" + code + "' is not a service here; see services." + format.name().toLowerCase()));
        String condition = condition(form, service, format);
        String mediaUrl = mediaUrl(form.get("media_url"), format);
        Double lat = number(form, "lat", format);
        Double lon = number(form, "long", format);
        String addressString = form.get("address_string");
        String address = addressString;
        if (lat == null || lon == null) {
            if (addressString == null) {
                throw new GeoReportError(400, format, "location missing: send lat and long, or address_string");
            }
            Candidate place = first(addressString).orElseThrow(() -> new GeoReportError(400, format,
                    "address_string '" + addressString + "' is not a known address here: send lat and long"));
            lat = place.lat();
            lon = place.lon();
            address = place.address() == null || place.address().isBlank() ? place.name() : place.address();
        }
        String description = form.get("description") == null ? service.name : form.get("description");
        if (condition != null) {
            description = description + "\n（情形：" + condition + "）";
        }
        description = limit(description, 3900);
        Actor actor = new Actor(null, "Open311 · " + keyName, EnumSet.noneOf(Role.class), null, true);
        CaseFile c;
        try {
            c = intake.report(new NewReport(CaseSource.PUBLIC, description, lat, lon, "wgs84", service.ref, address,
                    reporterName(form), form.get("phone"), null), actor);
        } catch (Problem problem) {
            throw new GeoReportError(400, format, problem.getMessage());
        }
        Open311Request request = record(form, c, keyId, mediaUrl, addressString);
        keys.touch(keyId);
        return new Filed(c, request);
    }

    private Open311Request record(GeoReportForm form, CaseFile c, long keyId, String mediaUrl, String addressString) {
        Open311Request r = new Open311Request();
        r.caseId = c.id;
        r.token = UUID.randomUUID().toString();
        r.keyId = keyId;
        r.serviceCode = c.classCode;
        r.attributes = form.attributes().isEmpty() ? null : form.attributes().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        r.mediaUrl = mediaUrl;
        r.email = limit(form.get("email"), 200);
        r.firstName = limit(form.get("first_name"), 100);
        r.lastName = limit(form.get("last_name"), 100);
        r.phone = limit(form.get("phone"), 32);
        r.deviceId = limit(form.get("device_id"), 200);
        r.accountId = limit(form.get("account_id"), 200);
        r.addressString = limit(addressString, 300);
        r.receivedAt = c.createdAt;
        r.persist();
        return r;
    }

    /** The chosen 立案条件; unknown attributes are kept but a wrong CONDITION value is a 400. */
    private String condition(GeoReportForm form, CaseClass service, GeoReportFormat format) {
        String key = form.attributes().get(GeoReportServices.CONDITION);
        if (key == null || key.isBlank()) {
            return null;
        }
        return services.condition(service, key).orElseThrow(() -> new GeoReportError(400, format,
                "attribute[" + GeoReportServices.CONDITION + "] '" + key + "' is not one of the values of " + service.ref));
    }

    private static String mediaUrl(String url, GeoReportFormat format) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (url.length() <= 1000 && uri.getHost() != null && List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase())) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new GeoReportError(400, format, "media_url must be an http(s) URL of at most 1000 characters");
    }

    private static Double number(GeoReportForm form, String field, GeoReportFormat format) {
        String value = form.get(field);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new GeoReportError(400, format, field + " '" + value + "' is not a decimal degree");
        }
    }

    private Optional<Candidate> first(String text) {
        try {
            return gazetteer.search(text, 1).stream().findFirst();
        } catch (Problem blank) {
            return Optional.empty();
        }
    }

    /** 姓名: family name first, with no space between Chinese names. */
    private static String reporterName(GeoReportForm form) {
        String first = form.get("first_name");
        String last = form.get("last_name");
        if (first == null && last == null) {
            return null;
        }
        String both = last == null ? first : first == null ? last : last + (isCjk(last + first) ? "" : " ") + first;
        return limit(both, 100);
    }

    private static boolean isCjk(String s) {
        return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static String limit(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }

    static Map<String, Object> answer(Filed filed) {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("service_request_id", filed.file().number);
        a.put("token", filed.request().token);
        a.put("service_notice", null);
        a.put("account_id", filed.request().accountId);
        return a;
    }
}
