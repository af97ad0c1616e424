package org.linli.shared.web;

import org.springframework.data.domain.PageRequest;

/** Page parameters of list endpoints: negative pages become the first, sizes are kept between 1 and 200. */
public final class Paging {

	public static final int MAX_SIZE = 200;

	private Paging() {
	}

	public static PageRequest of(int page, int size) {
		return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_SIZE));
	}

}
