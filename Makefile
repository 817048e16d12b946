# sam build (Metadata: BuildMethod: makefile, CodeUri: .) runs `make build-<LogicalId>` in a copy of the repository
# root, so the module poms still find ../../pom.xml. Each target builds one module with its dependencies and puts
# its shaded jar under lib/ of ARTIFACTS_DIR; SAM zips that directory and the Java runtime loads lib/*.jar.

MVN ?= mvn

define package-function
	$(MVN) -B -q -pl functions/$(1) -am package -DskipTests
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/$(1)/target/switchboard-$(1)-*-lambda.jar "$(ARTIFACTS_DIR)/lib/"
endef

.PHONY: build-VpnPortalFunction build-VpnAutoOffFunction build-ConnectIpRulesFunction build-NotifierFunction

build-VpnPortalFunction:
	$(call package-function,vpn-portal)

build-VpnAutoOffFunction:
	$(call package-function,vpn-auto-off)

build-ConnectIpRulesFunction:
	$(call package-function,connect-ip-rules)

build-NotifierFunction:
	$(call package-function,notifier)
