package org.civicgrid.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * 文档输出 — writes a GeoReport answer as JSON or as the spec's XML from the same ordered maps: a list answer is
 * a JSON array and an XML root ({@code <service_requests>}) of items ({@code <request>}); nested lists name their
 * items by {@link #ITEM_NAMES} ({@code <attributes><attribute>}). Null values are {@code null} in JSON and empty
 * elements in XML.
 */
@ApplicationScoped
class GeoReportWriter {

    /** The element of each item of a nested list, by the list's element. */
    static final Map<String, String> ITEM_NAMES = Map.of("attributes", "attribute", "values", "value", "endpoints", "endpoint",
            "formats", "format");

    /** The JDK's own writer, whatever StAX implementation the classpath brings (a test library ships Aalto). */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private final ObjectMapper json;

    GeoReportWriter(ObjectMapper json) {
        this.json = json;
    }

    /** A list answer: {@code [ {...}, ... ]} or {@code <root><item>...</item></root>}. */
    String list(GeoReportFormat format, String root, String item, List<? extends Map<String, ?>> items) {
        if (format == GeoReportFormat.JSON) {
            return toJson(items);
        }
        return xml(w -> {
            w.writeStartElement(root);
            for (Map<String, ?> one : items) {
                element(w, item, one);
            }
            w.writeEndElement();
        });
    }

    /** A single-object answer: {@code {...}} or {@code <root>...</root>}. */
    String object(GeoReportFormat format, String root, Map<String, ?> fields) {
        return format == GeoReportFormat.JSON ? toJson(fields) : xml(w -> element(w, root, fields));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(w, String.valueOf(field.getKey()), field.getValue());
            }
        } else if (value instanceof Collection<?> items) {
            String itemName = ITEM_NAMES.getOrDefault(name, "item");
            for (Object item : items) {
                element(w, itemName, item);
            }
        } else {
            w.writeCharacters(String.valueOf(value));
        }
        w.writeEndElement();
    }
}
