using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Officers;

/// <summary>登记执法人员: a certified officer (执法证 number and validity) or a 协管 (no certificate), of the county bureau or a township the user keeps.</summary>
[RequirePermission(EnforcementModule.Manage)]
internal sealed class CreateModel(EnforcementAccess access, Domain.Officers officers, ICountyUnits units) : PageModel
{
    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public bool MayAddCounty => access.IsCountyManager;

    [BindProperty]
    public OfficerInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Townships = await access.TownshipsKeptAsync(units, cancellationToken);
        if (Townships.Count == 0)
        {
            return Forbid();
        }

        Input.Unit = MayAddCounty ? "county" : Townships[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Townships = await access.TownshipsKeptAsync(units, cancellationToken);
        if (Townships.Count == 0)
        {
            return Forbid();
        }

        int? township = int.TryParse(Input.Unit, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : Input.Unit == "county" ? null : -1;
        var (added, problems) = await officers.AddAsync(
            new OfficerDraft(Input.Name, township, Input.Auxiliary, Input.CertificateNumber, Input.ValidFrom, Input.ValidTo, Input.Mobile),
            MayAddCounty,
            Townships,
            cancellationToken);
        if (added is null)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field == "Input.TownshipId" ? "Input.Unit" : problem.Field, problem.Message);
            }

            return Page();
        }

        TempData["Notice"] = $"已登记执法人员：{added.Name}";
        return RedirectToPage("Index");
    }

    internal sealed class OfficerInput
    {
        public string? Name { get; set; }

        /// <summary>"county" or a township id.</summary>
        public string? Unit { get; set; }

        public bool Auxiliary { get; set; }

        public string? CertificateNumber { get; set; }

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidTo { get; set; }

        public string? Mobile { get; set; }
    }
}
