/**
 * Reading an uploaded person list (.xlsx or .csv) into header-mapped rows of untouched cell text. Judging the values
 * (ID numbers, phones, buildings) happens after this, so a cell here is only refused when reading it could be unsafe
 * or has already lost data: a formula, or a number Excel stored with fewer digits than were typed.
 */
package org.linli.registry.domain.importing;
