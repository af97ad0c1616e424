package org.linli.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** On pages a refused request becomes the friendly, translated error page of its status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageExceptionAdvice {

	@ExceptionHandler(DomainException.class)
	void domain(DomainException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.status().value());
	}

}
