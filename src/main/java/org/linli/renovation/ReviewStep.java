package org.linli.renovation;

/** Budget review "三审": project unit, finance department, third party, in that order. */
public enum ReviewStep {

	PROJECT_UNIT, FINANCE, THIRD_PARTY

}
