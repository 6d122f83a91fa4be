package org.civicgrid.cases;

import jakarta.ws.rs.core.Response;
import java.io.File;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.FilePart;

/**
 * 附件下载 — the answer for one attachment file: a photo or video inline, anything else (voice notes) as a download,
 * none of them allowed to run script; one byte range ({@code Range: bytes=a-b}, {@code bytes=a-}, {@code bytes=-n})
 * answered 206 so a {@code <video>} can seek, a range past the end 416, several ranges the whole file.
 */
final class AttachmentDownload {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private AttachmentDownload() {
    }

    static Response of(CaseAttachment a, File file, String range) {
        boolean inline = "PHOTO".equals(a.kind) || "VIDEO".equals(a.kind);
        String disposition = (inline ? "inline" : "attachment") + "; filename=\"" + a.id + "." + extension(a.contentType) + "\"";
        long length = file.length();
        Response.ResponseBuilder answer;
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            long first;
            long last;
            if (m.group(1).isEmpty()) { // the last n bytes
                first = Math.max(0, length - Long.parseLong(m.group(2)));
                last = length - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(m.group(2)));
            }
            if (first >= length || last < first) {
                return Response.status(416).header("Content-Range", "bytes */" + length).build();
            }
            answer = Response.status(206).entity(new FilePart(file, first, last - first + 1)).type(a.contentType)
                    .header("Content-Range", "bytes " + first + "-" + last + "/" + length);
        } else {
            answer = Response.ok(file, a.contentType);
        }
        return answer.header("Accept-Ranges", "bytes").header("Cache-Control", "private, max-age=86400").header("Content-Disposition", disposition)
                .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }

    static String extension(String contentType) {
        int slash = contentType.indexOf('/');
        return contentType.substring(slash + 1).replaceAll("[^a-z0-9]", "");
    }
}
