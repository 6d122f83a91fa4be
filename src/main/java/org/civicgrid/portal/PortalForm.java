package org.civicgrid.portal;

import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 公众举报表单 — what a citizen sends: the problem in plain words ({@link PlainProblem} key), the map pin, photos, an
 * optional description and contact (never shown publicly), and the answer to the challenge with its token.
 */
public class PortalForm {

    @RestForm public String problem;
    @RestForm public String description;
    @RestForm public Double lat;
    @RestForm public Double lon;
    @RestForm public String address;
    @RestForm public String name;
    @RestForm public String phone;
    @RestForm public String challenge;
    @RestForm public String answer;
    @RestForm("photo") public List<FileUpload> photos;

    List<FileUpload> photos() {
        return photos == null ? List.of() : photos.stream().filter(f -> f != null && f.size() > 0).toList();
    }
}
