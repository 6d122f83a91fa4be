package org.civicgrid.grid;

/**
 * 地理编码结果 — where a WGS84 point lies: in the county or not, and if a unit grid covers it, that grid with its
 * community (社区/村) and street (街道/乡镇). Inside the county but in no grid, the codes are null.
 */
public record GeoLocation(double lat, double lon, boolean inCounty, String gridCode, String gridName,
        String communityCode, String communityName, String streetCode, String streetName) {

    public boolean inGrid() {
        return gridCode != null;
    }
}
