package org.civicgrid.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.civicgrid.web.Problem;

/**
 * 区划管理 — adds the county, its streets/towns and communities/villages, checking that each code has the right
 * shape and sits under an existing parent (a street's code starts with the county's).
 */
@ApplicationScoped
public class RegionRegistry {

    private final Event<RegionChanged> changed;

    RegionRegistry(Event<RegionChanged> changed) {
        this.changed = changed;
    }

    @Transactional
    public Region add(String rawCode, String rawName) {
        String code = DepartmentRegistry.required("code", rawCode);
        String name = DepartmentRegistry.required("name", rawName);
        RegionLevel level = RegionLevel.ofCode(code)
                .orElseThrow(() -> Problem.badRequest("code", "use 6 (county), 9 (street/town) or 12 (community/village) digits"));
        if (Region.byCode(code).isPresent()) {
            throw Problem.conflict("duplicate", "region " + code + " exists");
        }
        String parentCode = level.parent().map(parent -> code.substring(0, parent.codeLength())).orElse(null);
        if (parentCode == null && Region.county().isPresent()) {
            throw Problem.conflict("county_exists", "this site already serves county " + Region.county().get().code);
        }
        if (parentCode != null && Region.byCode(parentCode).isEmpty()) {
            throw Problem.badRequest("code", "no parent region " + parentCode + " for " + code);
        }
        Region region = new Region();
        region.code = code;
        region.name = name;
        region.level = level;
        region.parentCode = parentCode;
        region.persist();
        changed.fire(new RegionChanged(code));
        return region;
    }

    @Transactional
    public Region rename(String code, String rawName) {
        Region region = Region.byCode(code).orElseThrow(() -> Problem.notFound("region " + code));
        region.name = DepartmentRegistry.required("name", rawName);
        changed.fire(new RegionChanged(code));
        return region;
    }
}
