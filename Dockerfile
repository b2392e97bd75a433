# Build: docker build -t depin-api .
# Run against an existing PostgreSQL (see README, "Running the container"):
#   docker run -p 8080:8080 -e ConnectionStrings__Depin="Host=db;Database=depin;Username=depin_reader;Password=…" \
#              -e ConnectionStrings__DepinAdmin="Host=db;Database=depin;Username=depin_owner;Password=…" depin-api

# The GraphQL IDE (GraphiQL from npm, pinned in package-lock.json) is bundled where Node is; the .NET build below
# embeds the bundle instead of building it (BuildGraphQLIde=false).
FROM node:20-bookworm-slim AS ide
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY ide/ ide/
RUN node ide/build.mjs /ide-bundle

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so the layer is reused until a dependency changes.
COPY Directory.Build.props DepinApi.sln ./
COPY src/DepinApi/DepinApi.csproj src/DepinApi/
COPY src/DepinApi/Ide/GraphQLIde.targets src/DepinApi/Ide/
COPY src/GraphQLEngine/GraphQLEngine.csproj src/GraphQLEngine/
RUN dotnet restore src/DepinApi/DepinApi.csproj -r linux-x64
COPY schema/ schema/
COPY src/ src/
COPY --from=ide /ide-bundle/ /ide-bundle/
# ReadyToRun: the image starts on precompiled code instead of compiling it at start-up (docs/performance.md).
RUN dotnet publish src/DepinApi/DepinApi.csproj -c Release -o /app --no-restore \
    -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -p:BuildGraphQLIde=false -p:GraphQLIdeBundleDirectory=/ide-bundle/

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seed-data/ ./seed-data/
# The image's built-in unprivileged user (uid 1654); the app needs no write access to /app.
USER $APP_UID
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__SeedDirectory=/app/seed-data \
    DOTNET_gcServer=0
# Orchestrators probe GET /healthz (liveness) and GET /readyz (readiness).
EXPOSE 8080
ENTRYPOINT ["dotnet", "DepinApi.dll"]
