package org.civicgrid.grid;

import java.util.List;

/** 网格概况 — what the grid admin page shows: streets, their communities, grid counts and work grids. */
public record GridOverview(int grids, double areaKm2, boolean boundarySet, List<Street> streets, List<Inspector> inspectors) {

    public record Street(String code, String name, List<Community> communities) {
        public int grids() {
            return communities.stream().mapToInt(Community::grids).sum();
        }
    }

    public record Community(String code, String name, int grids, double areaHa, List<Work> workGrids) {
    }

    public record Work(String code, String name, int grids, List<Long> inspectorIds, List<String> inspectorNames) {
        public boolean has(Long inspectorId) {
            return inspectorIds.contains(inspectorId);
        }
    }

    public record Inspector(long id, String name) {
    }
}
