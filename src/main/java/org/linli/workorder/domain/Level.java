package org.linli.workorder.domain;

/** The three response levels (三级响应). */
public enum Level {

	EMERGENCY, URGENT, NORMAL

}
