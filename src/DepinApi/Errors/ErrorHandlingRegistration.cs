namespace DepinApi.Errors;

/// <summary>Problem details for every error answer, and the exception handlers that keep outages and bad requests out of the 500s.</summary>
public static class ErrorHandlingRegistration
{
    public static IServiceCollection AddDepinErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            UnexpectedError.Describe(context.ProblemDetails);
            PreconditionFailed.OmitTraceId(context.ProblemDetails);
        });
        services.AddSingleton<PathMethods>();
        // Tried in order before the default problem answer (a 500).
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<DatabaseBusyHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return services;
    }
}
