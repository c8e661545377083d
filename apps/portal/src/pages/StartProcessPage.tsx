import { BatonForm } from "@baton/forms/react";
import type { BatonFormHandle, FormData } from "@baton/forms/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, CirclePlay } from "lucide-react";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorState } from "../components/ErrorState.tsx";
import { FullPageLoading, SkeletonRows, Spinner } from "../components/Loading.tsx";
import type { Startable, StartResult } from "../lib/api-types.ts";
import { batonError, userMessage } from "../lib/baton-error.ts";
import { trpc } from "../lib/trpc.ts";
import { useFormInputs } from "../lib/use-form-inputs.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { useServerErrors } from "../lib/use-server-errors.ts";
import { INBOX_KEY } from "./InboxPage.tsx";
import { MY_REQUESTS_KEY } from "./MyRequestsPage.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { StartConfirmation } from "./StartConfirmation.tsx";
import { useStartable } from "./StartListPage.tsx";

/** `/start/:processKey`: the start form of one process, then what happens next. */
export function StartProcessPage() {
  const { processKey = "" } = useParams();
  const startable = useStartable();
  const [started, setStarted] = useState<StartResult | null>(null);
  const [attempt, setAttempt] = useState(0);

  if (startable.isPending) return <FullPageLoading label="Loading the form…" />;
  if (startable.isError) {
    return <ErrorState error={startable.error} onRetry={() => void startable.refetch()} title="The form could not be loaded" />;
  }
  const process = startable.data.find((p) => p.processKey === processKey);
  if (!process) {
    return (
      <NotFoundPage
        title="This process can't be started"
        text="It may have been withdrawn, or you are not allowed to start it."
        back={{ to: "/start", label: "See what you can start" }}
      />
    );
  }
  if (started) {
    return (
      <StartConfirmation
        process={process}
        result={started}
        onStartAnother={() => {
          setStarted(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return <StartForm key={attempt} process={process} onStarted={setStarted} />;
}

function StartForm({ process, onStarted }: { process: Startable; onStarted: (r: StartResult) => void }) {
  const queryClient = useQueryClient();
  const formRef = useRef<BatonFormHandle>(null);
  const [data, setData] = useState<FormData>({});
  const [failure, setFailure] = useState<string | null>(null);
  const server = useServerErrors();
  // A start form has no instance yet, so no variables; its pickers need the directory.
  const inputs = useFormInputs(process.startForm, null);
  usePageTitle(process.name);

  const start = useMutation({
    mutationFn: (formData: FormData) => trpc.portal.start.mutate({ processKey: process.processKey, data: formData }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
      void queryClient.invalidateQueries({ queryKey: MY_REQUESTS_KEY });
      onStarted(result);
    },
    onError: (err) => {
      const baton = batonError(err);
      if (baton?.code === "INVALID_DATA" && baton.fieldErrors.length > 0) {
        server.set(baton.fieldErrors);
        setFailure(null);
        requestAnimationFrame(() => formRef.current?.focusErrorSummary());
      } else {
        setFailure(userMessage(err));
      }
    },
  });

  const submit = (formData: FormData) => {
    server.clear();
    setFailure(null);
    start.mutate(formData);
  };

  return (
    <div className="page page--narrow">
      <Link to="/start" className="back-link">
        <ArrowLeft size={16} aria-hidden="true" /> All processes
      </Link>
      <div className="card form-card">
        <header className="form-card-header">
          <h1 className="page-title">{process.name}</h1>
          {process.description ? <p className="muted">{process.description}</p> : null}
        </header>
        {process.startForm && inputs.loading ? (
          <SkeletonRows rows={4} label="Loading the form…" />
        ) : process.startForm ? (
          <BatonForm
            id="start-form"
            formRef={formRef}
            schema={process.startForm.schema}
            uiSchema={process.startForm.uiSchema}
            formData={data}
            onChange={(next, fieldId) => {
              setData(next);
              server.fieldEdited(fieldId);
            }}
            onSubmit={submit}
            extraErrors={server.extraErrors}
            disabled={start.isPending}
            directory={inputs.directory}
          />
        ) : (
          <p className="muted">No information is needed to start this process.</p>
        )}
        {failure ? (
          <p className="form-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="form-actions">
          {/* With a form, a real submit button of it: Enter in a field starts, as on any web form. */}
          <button
            type={process.startForm ? "submit" : "button"}
            form={process.startForm ? "start-form" : undefined}
            className="btn btn-primary"
            disabled={start.isPending}
            onClick={process.startForm ? undefined : () => submit({})}
          >
            {start.isPending ? <Spinner size={16} /> : <CirclePlay size={16} aria-hidden="true" />}
            {start.isPending ? "Starting…" : "Start"}
          </button>
          <Link to="/start" className="btn btn-ghost">
            Cancel
          </Link>
        </div>
      </div>
    </div>
  );
}
