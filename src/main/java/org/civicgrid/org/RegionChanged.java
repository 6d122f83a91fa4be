package org.civicgrid.org;

/** 区划变更 — fired (CDI event) when a region is added or renamed; caches holding region names listen. */
public record RegionChanged(String code) {
}
