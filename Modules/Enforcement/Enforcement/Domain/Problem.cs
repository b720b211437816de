namespace Emergency.Enforcement.Domain;

/// <summary>A refusal to show beside its field (the form field's name, or "" for the whole form).</summary>
internal sealed record Problem(string Field, string Message);
