using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Enforcement.Areas.enforcement.Pages;

/// <summary>The module's start: the 执法对象名录库.</summary>
internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Targets/Index");
}
