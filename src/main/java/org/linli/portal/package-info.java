/**
 * Portal: the faces of the application — the staff workbench (/console), the resident H5 (/app) and the public pages
 * (/public/{compound}) — with the role-based navigation and the error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.linli.portal;
