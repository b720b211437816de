namespace Emergency.Teams.Domain;

/// <summary>The stock ledger's totals for one filter (all rows, below minimum, expiring soon), kept until the county's Teams store is written.</summary>
internal sealed record LedgerCounts(int Total, int Below, int Expiring);
