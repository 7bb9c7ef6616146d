trigger RoutingDecisionEventTrigger on Routing_Decision__e(after insert) {
    RoutingDecisionWriter.write((List<Routing_Decision__e>) Trigger.new);
}
