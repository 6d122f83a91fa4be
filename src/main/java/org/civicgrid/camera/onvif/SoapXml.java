package org.civicgrid.camera.onvif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * SOAP 报文 — reads ONVIF answers by local element names (vendors use many prefixes for the same namespaces) with a
 * parser that refuses DOCTYPEs and external entities, and writes envelopes.
 */
final class SoapXml {

    static final String SOAP_NS = "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"";
    static final String ONVIF_NS = "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\""
            + " xmlns:tt=\"http://www.onvif.org/ver10/schema\"";

    private SoapXml() {
    }

    static String envelope(String header, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<s:Envelope " + SOAP_NS + " " + ONVIF_NS + ">"
                + (header == null ? "" : "<s:Header>" + header + "</s:Header>") + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(xml));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera's answer is not XML: " + e.getMessage(), e);
        }
    }

    /** The first element below {@code root} with this local name, depth first. */
    static Optional<Element> first(Element root, String localName) {
        NodeList all = root.getElementsByTagNameNS("*", localName);
        return all.getLength() == 0 ? Optional.empty() : Optional.of((Element) all.item(0));
    }

    static List<Element> all(Element root, String localName) {
        NodeList found = root.getElementsByTagNameNS("*", localName);
        List<Element> list = new ArrayList<>(found.getLength());
        for (int i = 0; i < found.getLength(); i++) {
            list.add((Element) found.item(i));
        }
        return list;
    }

    /** Direct children with this local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }

    static Optional<Element> child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static String text(Element root, String localName) {
        return first(root, localName).map(e -> e.getTextContent().trim()).orElse(null);
    }

    static String childText(Element parent, String localName) {
        return child(parent, localName).map(e -> e.getTextContent().trim()).orElse(null);
    }

    /** {@code tt:SimpleItem Name= Value=} pairs directly below an element (Source or Data of a notification). */
    static Map<String, String> simpleItems(Element parent) {
        Map<String, String> items = new LinkedHashMap<>();
        if (parent != null) {
            for (Element item : children(parent, "SimpleItem")) {
                items.put(item.getAttribute("Name"), item.getAttribute("Value"));
            }
        }
        return items;
    }

    /** The SOAP body's first element, after checking for a fault. */
    static Element body(Element envelope) {
        Element body = child(envelope, "Body").orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the answer has no SOAP body"));
        Optional<Element> fault = child(body, "Fault");
        if (fault.isPresent()) {
            throw fault(fault.get());
        }
        return children(body).stream().findFirst().orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the SOAP body is empty"));
    }

    static OnvifException fault(Element fault) {
        List<String> codes = new ArrayList<>();
        for (Element value : all(fault, "Value")) {
            codes.add(value.getTextContent().trim());
        }
        String reason = Optional.ofNullable(text(fault, "Text")).orElse(text(fault, "faultstring"));
        if (codes.stream().anyMatch(c -> c.endsWith(":NotAuthorized") || c.equals("NotAuthorized"))) {
            return OnvifException.notAuthorized();
        }
        return new OnvifException(OnvifException.Kind.FAULT, "the camera answered with a fault " + String.join("/", codes)
                + (reason == null ? "" : ": " + reason));
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
