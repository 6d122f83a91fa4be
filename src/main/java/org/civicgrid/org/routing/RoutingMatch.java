package org.civicgrid.org.routing;

import java.util.Set;

/**
 * 路由匹配 — how well a rule's class and area fit a case: the pure scoring behind the suggestion. A case's classes are
 * its own class reference and its equivalents in the other code system; its areas are its grid, community and street.
 * Class: exact 20, major 10, any 0. Area: grid 15, community 10, street 5, county 0. No fit: -1.
 */
final class RoutingMatch {

    private RoutingMatch() {
    }

    /** The class score of {@code ruleClass} for a case with {@code caseClasses}, or -1. */
    static int classScore(String ruleClass, Set<String> caseClasses) {
        if (ruleClass == null) {
            return 0;
        }
        if (caseClasses.contains(ruleClass)) {
            return 20;
        }
        boolean major = caseClasses.stream().anyMatch(ref -> isMajorOf(ruleClass, ref));
        return major ? 10 : -1;
    }

    /** The area score of {@code ruleArea} for a case in the given grid, community and street, or -1. */
    static int areaScore(String ruleArea, String gridCode, String communityCode, String streetCode) {
        if (ruleArea == null) {
            return 0;
        }
        if (ruleArea.equals(gridCode)) {
            return 15;
        }
        if (ruleArea.equals(communityCode)) {
            return 10;
        }
        return ruleArea.equals(streetCode) ? 5 : -1;
    }

    /** {@code component:01} is the major of {@code component:0101} and of {@code component:01001}. */
    static boolean isMajorOf(String major, String ref) {
        int colon = major.indexOf(':');
        return colon > 0 && major.length() - colon - 1 == 2 && ref.startsWith(major) && ref.length() > major.length();
    }
}
