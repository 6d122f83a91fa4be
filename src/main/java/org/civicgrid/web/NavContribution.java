package org.civicgrid.web;

import java.util.List;

/** 导航贡献 — implemented by a feature's bean to add its pages to the main navigation. */
public interface NavContribution {

    List<NavItem> navItems();
}
