using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// A test-only endpoint behind the application's whole pipeline that reads through the server's
/// own data source and lets any database exception propagate, as a domain endpoint would.
/// </summary>
public sealed class DatabaseProbe : IStartupFilter
{
    public const string Path = "/__probe/database";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        // Reached only when no endpoint matched, i.e. inside the pipeline's exception handling.
        app.Run(async context =>
        {
            if (context.Request.Path != Path)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var dataSource = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM projects");
            var count = (long)(await command.ExecuteScalarAsync(context.RequestAborted))!;
            await context.Response.WriteAsJsonAsync(new { projects = count });
        });
    };

    public static void AddTo(IServiceCollection services) => services.AddTransient<IStartupFilter, DatabaseProbe>();
}
