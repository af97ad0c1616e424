package org.linli.portal.web;

import java.util.Set;

import org.linli.identity.Role;

/** One entry of the workbench menu: a message key, a path and the roles that may use it. */
record NavigationItem(String labelKey, String path, String icon, Set<Role> roles) {
}
