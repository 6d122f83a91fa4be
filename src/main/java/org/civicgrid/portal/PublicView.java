package org.civicgrid.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.grid.Geocoder;

/**
 * 公开内容 — the one rule for what of a case the public may read, shared by the portal and Open311: the text an
 * acceptor published (never the reporter's own words, which may name people or give a phone number) and the
 * street/community it lies in (never the address or the exact point).
 */
@ApplicationScoped
public class PublicView {

    private final Geocoder geocoder;

    PublicView(Geocoder geocoder) {
        this.geocoder = geocoder;
    }

    /** The published text of a case reported through the portal; empty until an acceptor publishes one. */
    public Optional<String> text(long caseId) {
        return PublicReport.ofCase(caseId).filter(r -> r.moderation == PublicReport.Moderation.PUBLISHED).map(r -> r.publicText);
    }

    /** 社区/街道 of the case: where, without the exact point; null without a position. */
    public String area(CaseFile c) {
        if (c.lat == null || c.lon == null) {
            return null;
        }
        var at = geocoder.locate(c.lat, c.lon);
        return at.streetName() == null ? null : at.streetName() + (at.communityName() == null ? "" : " · " + at.communityName());
    }
}
