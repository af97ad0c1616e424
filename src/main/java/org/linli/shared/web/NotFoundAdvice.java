package org.linli.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An unknown path answers a problem detail under /api and the friendly 404 page elsewhere. Static files are served
 * under /assets only, so most unknown paths find no handler at all rather than no static resource.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class NotFoundAdvice {

	private final Problems problems;

	public NotFoundAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			this.problems.write(response,
					this.problems.problem(HttpStatus.NOT_FOUND, "problem.404.detail", LocaleContextHolder.getLocale()));
		}
		else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

}
