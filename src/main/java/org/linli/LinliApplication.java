package org.linli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Linli 邻里: the integrated smart-community management platform (智慧社区综合管理平台). */
@SpringBootApplication
public class LinliApplication {

	public static void main(String[] args) {
		SpringApplication.run(LinliApplication.class, args);
	}

}
