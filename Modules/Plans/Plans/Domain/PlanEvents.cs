using Emergency.Plans.Contracts;
using Emergency.Plans.Data;

namespace Emergency.Plans.Domain;

/// <summary>The events Plans tells other modules, built in one place for signing, filing and the demo county.</summary>
internal static class PlanEvents
{
    /// <summary>A version was signed and is now the one in force.</summary>
    public static PlanIssued Issued(Plan plan, PlanVersion version) => new()
    {
        PlanId = plan.Id,
        Title = plan.Title,
        Type = plan.Type.ToString(),
        Category = plan.Category?.ToString(),
        DepartmentId = plan.DepartmentId,
        TownshipId = plan.TownshipId,
        VillageId = plan.VillageId,
        Version = version.Number,
        IssuedOn = version.IssuedOn ?? throw new InvalidOperationException("An unsigned version is not issued."),
        DocumentNumber = version.DocumentNumber ?? "",
    };

    /// <summary>A version was filed: registered by its receiver, or deemed filed after the receiver's silence.</summary>
    public static PlanFiled Filed(Plan plan, PlanVersion version, DateOnly filedOn, bool deemed) => new()
    {
        PlanId = plan.Id,
        Title = plan.Title,
        Version = version.Number,
        DepartmentId = plan.DepartmentId,
        TownshipId = plan.TownshipId,
        VillageId = plan.VillageId,
        Deemed = deemed,
        FiledOn = filedOn,
    };
}
