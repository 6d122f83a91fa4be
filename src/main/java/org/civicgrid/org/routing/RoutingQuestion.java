package org.civicgrid.org.routing;

/**
 * 路由问题 — what the suggestion is asked about: a case's class and place, and, when the case is about a component,
 * that component's 养护 (maintainer), 权属 (property) and 主管 (owner) departments (any may be null).
 */
public record RoutingQuestion(String classRef, String gridCode, String communityCode, String streetCode, String componentId,
        Long maintainerId, Long propertyId, Long ownerId) {
}
