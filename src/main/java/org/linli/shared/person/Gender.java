package org.linli.shared.person;

/** Gender as recorded in a Chinese resident ID number (its 17th digit). */
public enum Gender {

	MALE, FEMALE

}
