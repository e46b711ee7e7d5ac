{{/* Names and labels shared by every object of the chart. */}}

{{- define "financials.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "financials.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-backend" (include "financials.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "financials.selectorLabels" -}}
app.kubernetes.io/name: {{ include "financials.name" . }}
app.kubernetes.io/component: backend
{{- end -}}

{{- define "financials.labels" -}}
{{ include "financials.selectorLabels" . }}
app.kubernetes.io/part-of: financials
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "financials.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "financials.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "financials.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The scan cluster (a DaskCluster): its name, and its objects' labels. */}}
{{- define "financials.scanCluster" -}}
{{- printf "%s-scan" (include "financials.name" .) | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "financials.scanLabels" -}}
app.kubernetes.io/name: {{ include "financials.name" . }}
app.kubernetes.io/component: scan
app.kubernetes.io/part-of: financials
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}
