trigger LeadTrigger on Lead(before insert, after insert) {
    LeadRoutingHandler.handle();
}
